eduplansSearch.put("t/4","AQAAAAMA");
