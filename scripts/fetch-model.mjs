// placeholder, replaced by the search work
