window.KB_SEARCH_PARTS=window.KB_SEARCH_PARTS||{};window.KB_SEARCH_PARTS["search/terms-3.js"]={"t":["30","31"],"p":["02","1"]};
