window.KB_SEARCH_PARTS=window.KB_SEARCH_PARTS||{};window.KB_SEARCH_PARTS["search/terms-j.js"]={"t":["june","junius"],"p":["3","100"]};
