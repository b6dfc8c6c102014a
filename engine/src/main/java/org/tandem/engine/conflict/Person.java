package org.tandem.engine.conflict;

/**
 * A person as a proposal or a publication names them.
 *
 * @param name         as written, any script
 * @param orcid        may be null; when both sides have one it decides identity alone
 * @param organisation current organisation as written, may be null
 */
public record Person(PersonName name, Orcid orcid, String organisation) {

    public static Person of(String name, String orcid, String organisation) {
        return new Person(PersonName.parse(name), Orcid.parse(orcid), organisation);
    }

    public static Person of(String name) {
        return of(name, null, null);
    }

    @Override
    public String toString() {
        return orcid == null ? name.written() : name.written() + " (ORCID " + orcid + ")";
    }
}
