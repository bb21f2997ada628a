window.KB_SEARCH_PARTS=window.KB_SEARCH_PARTS||{};window.KB_SEARCH_PARTS["search/terms-w.js"]={"t":["we","weeks","well","when","would"],"p":["11","2","01","2","1"]};
