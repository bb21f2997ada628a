window.KB_SEARCH_PARTS=window.KB_SEARCH_PARTS||{};window.KB_SEARCH_PARTS["search/terms-9.js"]={"t":["9828","99","991","995","9952500","9952510"],"p":["100","!0f","!0f","100","100","100"]};
