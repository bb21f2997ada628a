window.KB_SEARCH_PARTS=window.KB_SEARCH_PARTS||{};window.KB_SEARCH_PARTS["search/terms-q.js"]={"t":["qualify"],"p":["2"]};
