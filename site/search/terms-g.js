window.KB_SEARCH_PARTS=window.KB_SEARCH_PARTS||{};window.KB_SEARCH_PARTS["search/terms-g.js"]={"t":["gained","gastric","gastrointestinal","given","greater","growth"],"p":["1","2","2","2","2","0"]};
