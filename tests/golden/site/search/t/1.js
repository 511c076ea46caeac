eduplansSearch.put("t/1","AQAABA");
