window.KB_SEARCH_PARTS=window.KB_SEARCH_PARTS||{};window.KB_SEARCH_PARTS["search/terms-4.js"]={"t":["4239","45"],"p":["100","1"]};
