package org.bridgeway.directory.organisation;

/** An organisation was written: its listings may need re-indexing (a new name) or withdrawing. */
public record OrganisationChanged(Organisation organisation) {
}
