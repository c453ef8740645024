"""The Analysis view (客户构成分析): a tab beside Customers, Routes and Visit reports."""
