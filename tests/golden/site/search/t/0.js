eduplansSearch.put("t/0","BQAA");
