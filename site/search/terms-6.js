window.KB_SEARCH_PARTS=window.KB_SEARCH_PARTS||{};window.KB_SEARCH_PARTS["search/terms-6.js"]={"t":["617","635","6359828"],"p":["100","100","100"]};
