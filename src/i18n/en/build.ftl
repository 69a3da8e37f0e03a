# Messages of build (see catalogue.rs for the owner modules).
