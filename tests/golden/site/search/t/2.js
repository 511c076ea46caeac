eduplansSearch.put("t/2","AwU");
