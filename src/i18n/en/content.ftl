# Messages of content (see catalogue.rs for the owner modules).
