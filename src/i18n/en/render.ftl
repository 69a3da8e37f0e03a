# Messages of render (see catalogue.rs for the owner modules).
