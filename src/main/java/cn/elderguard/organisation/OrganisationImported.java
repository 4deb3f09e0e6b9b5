package cn.elderguard.organisation;

/**
 * An organisation file was imported; published inside the import's transaction, so what listeners write on it
 * (security's engine grants for new groups) commits or rolls back with the import.
 */
public record OrganisationImported() {
}
