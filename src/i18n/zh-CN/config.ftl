# Messages of config (see catalogue.rs for the owner modules).
