window.KB_SEARCH_PARTS=window.KB_SEARCH_PARTS||{};window.KB_SEARCH_PARTS["search/terms-v.js"]={"t":["vice"],"p":["10"]};
