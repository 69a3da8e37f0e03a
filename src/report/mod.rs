//! Annual reports (政府信息公开工作年度报告): placeholder until the report module lands.
