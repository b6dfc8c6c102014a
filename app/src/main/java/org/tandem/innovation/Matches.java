package org.tandem.innovation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.engine.affinity.AffinityModel;
import org.tandem.engine.affinity.AffinityParameters;
import org.tandem.engine.affinity.Explanation;
import org.tandem.engine.affinity.ExpertProfile;
import org.tandem.engine.affinity.ProposalText;
import org.tandem.engine.affinity.Publication;
import org.tandem.innovation.Profile.Partnership;
import org.tandem.platform.security.TandemUser;

/**
 * Requests matched with offers (and offers with requests). The score is a weighted sum that the
 * reader can check: the engine's TF-IDF text and keyword affinity, TRL compatibility (does the
 * offer reach the maturity the request asks for), the partnership types both accept, and the
 * countries both name. Every part is returned with the score.
 */
@Service
public class Matches {

    public static final double TEXT_WEIGHT = 0.55;
    public static final double TRL_WEIGHT = 0.15;
    public static final double PARTNERSHIP_WEIGHT = 0.20;
    public static final double COUNTRY_WEIGHT = 0.10;
    /** Below this a pair is noise rather than a lead worth a user's time. */
    public static final double THRESHOLD = 0.25;

    /** One text per profile, so the closest "paper" is the profile itself and nothing dilutes it. */
    static final AffinityParameters PARAMETERS = new AffinityParameters(0.8, 0.15, 0.05, 1.0, 1, 2, 0.8, 10.0, 0);

    private final Profiles profiles;

    Matches(Profiles profiles) {
        this.profiles = profiles;
    }

    /**
     * @param text         engine affinity in [0, 1] and the terms it rests on
     * @param trl          1 when the offer reaches the TRL the request asks for, less per level short
     * @param partnerships the partnership types both profiles accept
     * @param countries    the countries both profiles name
     */
    public record Match(long mineId, String mineTitle, PublicProfile other, double score, double text, double trl,
                        double partnership, double country, List<String> sharedTerms, List<Partnership> partnerships,
                        List<String> countries) {
    }

    /** Matches for every live profile the user owns, best first. */
    @Transactional(readOnly = true)
    public List<Match> forUser(TandemUser user) {
        List<Profile> mine = profiles.ownedBy(user).stream()
                .filter(p -> !InnovationWorkflows.WITHDRAWN.equals(p.status()) && !InnovationWorkflows.EXPIRED.equals(p.status()))
                .toList();
        if (mine.isEmpty()) {
            return List.of();
        }
        List<Profile> published = profiles.publishedProfiles(Profiles.Filter.none()).stream()
                .filter(p -> p.ownerId() != user.id()).toList();
        List<Match> all = new ArrayList<>();
        // One model per set of counterpart types: a user's several requests share the offers' index.
        java.util.Map<List<Profile.ProfileType>, Candidates> models = new java.util.HashMap<>();
        for (Profile p : mine) {
            Candidates c = models.computeIfAbsent(p.type().counterparts(), types -> candidates(types, published));
            all.addAll(forProfile(p, c));
        }
        all.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(m -> m.other().id()));
        return all;
    }

    record Candidates(List<Profile> profiles, AffinityModel model) {
    }

    static Candidates candidates(List<Profile.ProfileType> types, List<Profile> published) {
        List<Profile> candidates = published.stream().filter(o -> types.contains(o.type())).toList();
        return new Candidates(candidates, candidates.isEmpty() ? null
                : AffinityModel.build(candidates.stream().map(Matches::asExpert).toList(), PARAMETERS));
    }

    List<Match> forProfile(Profile mine, Candidates c) {
        if (c.model() == null) {
            return List.of();
        }
        AffinityModel model = c.model();
        List<Profile> candidates = c.profiles().stream().filter(o -> o.id() != mine.id()).toList();
        ProposalText query = new ProposalText(String.valueOf(mine.id()), mine.title(),
                mine.summary() + " " + mine.description() + " " + (mine.advantages() == null ? "" : mine.advantages()),
                mine.keywords(), mine.fosFields());
        List<Match> out = new ArrayList<>();
        for (Profile o : candidates) {
            Match m = score(mine, o, model.explain(query, String.valueOf(o.id())));
            if (m.score() >= THRESHOLD) {
                out.add(m);
            }
        }
        return out;
    }

    static ExpertProfile asExpert(Profile p) {
        return new ExpertProfile(String.valueOf(p.id()), p.keywords(), p.fosFields(), List.of(new Publication(p.title(),
                p.summary() + " " + p.description() + " " + (p.advantages() == null ? "" : p.advantages()), null)));
    }

    static Match score(Profile mine, Profile other, Explanation text) {
        Profile request = mine.type().isOffer() ? other : mine;
        Profile offer = mine.type().isOffer() ? mine : other;
        double trl = trlCompatibility(request.trl(), offer.trl());
        List<Partnership> shared = mine.partnerships().stream().filter(other.partnerships()::contains).toList();
        double partnership = request.partnerships().isEmpty() ? 0
                : (double) request.partnerships().stream().filter(offer.partnerships()::contains).count()
                / request.partnerships().size();
        Set<String> theirs = Set.copyOf(other.countries());
        List<String> countries = mine.countries().stream().filter(theirs::contains).collect(Collectors.toList());
        double country = countries.isEmpty() ? 0 : 1;
        double t = Math.max(0, Math.min(1, text.score()));
        double score = TEXT_WEIGHT * t + TRL_WEIGHT * trl + PARTNERSHIP_WEIGHT * partnership + COUNTRY_WEIGHT * country;
        List<String> terms = new ArrayList<>(text.sharedKeywords());
        for (String term : text.sharedTermNames()) {
            if (!terms.contains(term) && terms.size() < 8) {
                terms.add(term);
            }
        }
        return new Match(mine.id(), mine.title(), other.anonymous(), score, t, trl, partnership, country, terms, shared,
                countries);
    }

    /** A request names the maturity it needs; an offer below it loses a third per missing level. */
    static double trlCompatibility(int requested, int offered) {
        return offered >= requested ? 1 : Math.max(0, 1 - (requested - offered) / 3.0);
    }
}
