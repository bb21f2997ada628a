window.KB_SEARCH_PARTS=window.KB_SEARCH_PARTS||{};window.KB_SEARCH_PARTS["search/terms-k.js"]={"t":["kathryn","kathrynkmorrisprcom","kill","killing","kmorrispr"],"p":["100","100","2","20","100"]};
