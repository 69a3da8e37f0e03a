# Messages of markdown (see catalogue.rs for the owner modules).
