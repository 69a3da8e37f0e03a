# Messages of check (see catalogue.rs for the owner modules).
