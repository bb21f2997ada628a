window.KB_SEARCH_PARTS=window.KB_SEARCH_PARTS||{};window.KB_SEARCH_PARTS["search/terms-0.js"]={"t":["02139","021394239"],"p":["100","100"]};
