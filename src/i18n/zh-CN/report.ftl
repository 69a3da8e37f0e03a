# Messages of report (see catalogue.rs for the owner modules).
