window.KB_SEARCH_PARTS=window.KB_SEARCH_PARTS||{};window.KB_SEARCH_PARTS["search/terms-1.js"]={"t":["128","17","18","19","1r"],"p":["100","11","10","1","0"]};
