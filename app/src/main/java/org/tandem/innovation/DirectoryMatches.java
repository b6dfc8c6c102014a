package org.tandem.innovation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.directory.Directory;
import org.tandem.engine.affinity.AffinityModel;
import org.tandem.engine.affinity.Explanation;
import org.tandem.engine.affinity.ExpertProfile;
import org.tandem.engine.affinity.ProposalText;
import org.tandem.engine.affinity.Publication;
import org.tandem.platform.security.TandemUser;

/**
 * A request matched with the directory's researchers and organisations, the people who could
 * answer it with research rather than a ready technology. A researcher is read as their
 * keywords, fields of science and publications; an organisation as everything its current
 * researchers bring. The score is the engine's text and keyword affinity, the share of the
 * request's fields of science the candidate works in, and whether the candidate is in one of the
 * countries the request names; each part is returned with it.
 */
@Service
public class DirectoryMatches {

    public static final double TEXT_WEIGHT = 0.7;
    public static final double FOS_WEIGHT = 0.2;
    public static final double COUNTRY_WEIGHT = 0.1;
    /** Below this the candidate shares little more than common words with the request. */
    public static final double THRESHOLD = 0.2;
    /** A request lists its best few; more would bury them. */
    public static final int PER_REQUEST = 5;

    public enum Kind { RESEARCHER, ORGANISATION }

    private final Profiles profiles;
    private final Directory directory;

    DirectoryMatches(Profiles profiles, Directory directory) {
        this.profiles = profiles;
        this.directory = directory;
    }

    /**
     * @param name         the researcher's or organisation's name; {@code searchName} finds them in partner search
     * @param text         engine affinity in [0, 1]
     * @param fos          share of the request's FOS fields the candidate works in
     * @param country      1 when the candidate is in a country the request names
     */
    public record Match(long mineId, String mineTitle, Kind kind, long id, String name, String searchName,
                        String organisation, String countryCode, double score, double text, double fos, double country,
                        List<String> sharedTerms, List<String> sharedFields) {
    }

    record Candidate(Kind kind, long id, String name, String searchName, String organisation, String country,
                     List<String> fields, ExpertProfile profile) {
    }

    /** Matches for every live request the user owns, best first within each request. */
    @Transactional(readOnly = true)
    public List<Match> forUser(TandemUser user) {
        List<Profile> requests = profiles.ownedBy(user).stream()
                .filter(p -> !p.type().isOffer())
                .filter(p -> !InnovationWorkflows.WITHDRAWN.equals(p.status()) && !InnovationWorkflows.EXPIRED.equals(p.status()))
                .toList();
        if (requests.isEmpty()) {
            return List.of();
        }
        List<Candidate> candidates = candidates(directory.people(), user);
        if (candidates.isEmpty()) {
            return List.of();
        }
        AffinityModel model = AffinityModel.build(candidates.stream().map(Candidate::profile).toList(), Matches.PARAMETERS);
        List<Match> out = new ArrayList<>();
        for (Profile r : requests) {
            out.addAll(forRequest(r, candidates, model));
        }
        return out;
    }

    List<Candidate> candidates(List<Directory.Person> people, TandemUser user) {
        List<Candidate> out = new ArrayList<>();
        record Org(String name, String country, Set<String> keywords, Set<String> fields, List<Publication> pubs) {
        }
        Map<Long, Org> orgs = new LinkedHashMap<>();
        for (Directory.Person p : people) {
            if (p.userId() != null && p.userId() == user.id()) {
                continue;
            }
            List<Publication> pubs = directory.publications(p.id()).stream()
                    .map(x -> new Publication(x.title(), x.abstractText(), x.year())).toList();
            String current = p.affiliations().stream().filter(a -> a.toYear() == null).map(Directory.Affiliation::organisation)
                    .findFirst().orElse(null);
            String name = p.nameLatin() != null && !p.nameLatin().isBlank() && !p.nameLatin().equals(p.name())
                    ? p.name() + " (" + p.nameLatin() + ")" : p.name();
            out.add(new Candidate(Kind.RESEARCHER, p.id(), name, p.nameLatin() == null ? p.name() : p.nameLatin(), current,
                    p.country(), p.fields(), new ExpertProfile("p" + p.id(), p.keywords(), p.fields(),
                    pubs.isEmpty() ? List.of(new Publication(String.join(", ", p.keywords()), "", null)) : pubs)));
            for (Directory.Affiliation a : p.affiliations()) {
                if (a.toYear() != null) {
                    continue;
                }
                Org o = orgs.computeIfAbsent(a.organisationId(), id -> new Org(a.organisation(), p.country(),
                        new LinkedHashSet<>(), new LinkedHashSet<>(), new ArrayList<>()));
                o.keywords().addAll(p.keywords());
                o.fields().addAll(p.fields());
                o.pubs().addAll(pubs.isEmpty() ? List.of(new Publication(String.join(", ", p.keywords()), "", null)) : pubs);
            }
        }
        orgs.forEach((id, o) -> out.add(new Candidate(Kind.ORGANISATION, id, o.name(), o.name().split(" / ")[0], null,
                o.country(), List.copyOf(o.fields()), new ExpertProfile("o" + id, List.copyOf(o.keywords()),
                List.copyOf(o.fields()), o.pubs()))));
        return out;
    }

    List<Match> forRequest(Profile request, List<Candidate> candidates, AffinityModel model) {
        ProposalText query = new ProposalText(String.valueOf(request.id()), request.title(),
                request.summary() + " " + request.description() + " "
                        + (request.advantages() == null ? "" : request.advantages()),
                request.keywords(), request.fosFields());
        List<Match> out = new ArrayList<>();
        for (Candidate c : candidates) {
            Match m = score(request, c, model.explain(query, c.profile().id()));
            if (m.score() >= THRESHOLD) {
                out.add(m);
            }
        }
        List<Match> researchers = best(out, Kind.RESEARCHER);
        List<Match> organisations = best(out, Kind.ORGANISATION);
        List<Match> both = new ArrayList<>(researchers);
        both.addAll(organisations);
        return both;
    }

    private static List<Match> best(List<Match> all, Kind kind) {
        return all.stream().filter(m -> m.kind() == kind)
                .sorted(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::name))
                .limit(PER_REQUEST).toList();
    }

    static Match score(Profile request, Candidate c, Explanation text) {
        double t = Math.max(0, Math.min(1, text.score()));
        List<String> sharedFields = request.fosFields().stream().filter(c.fields()::contains).toList();
        double fos = request.fosFields().isEmpty() ? 0 : (double) sharedFields.size() / request.fosFields().size();
        double country = c.country() != null && request.countries().contains(c.country()) ? 1 : 0;
        double score = TEXT_WEIGHT * t + FOS_WEIGHT * fos + COUNTRY_WEIGHT * country;
        List<String> terms = new ArrayList<>(text.sharedKeywords());
        for (String term : text.sharedTermNames()) {
            if (!terms.contains(term) && terms.size() < 8) {
                terms.add(term);
            }
        }
        return new Match(request.id(), request.title(), c.kind(), c.id(), c.name(), c.searchName(), c.organisation(),
                c.country(), score, t, fos, country, terms, sharedFields);
    }
}
