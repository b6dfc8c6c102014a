package org.tandem.platform.workflow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tandem.platform.security.Role;
import org.tandem.platform.validation.ConflictException;

/**
 * One workflow of the product (a call, a proposal, a review assignment, a decision approval…):
 * its states, and for each action the states it may start from, the state it leads to and who
 * may perform it. Services ask it before they change a state, so a state change the definition
 * does not allow is refused the same way everywhere; the administrators' page prints it.
 *
 * <p>What a definition cannot say (a deadline, an eligibility check, "every party has
 * approved") is named in {@link Transition#condition()} and checked by the service.
 *
 * @param name   the key of the workflow in messages ({@code workflow.<name>.*})
 * @param states every state, the initial one first
 */
public record Workflow(String name, List<String> states, List<Transition> transitions) {

    /** Who performs a transition: a role, and how far the role reaches. */
    public enum Scope {
        /** The role within the party the thing belongs to (an officer acts for their own agency). */
        OWN_PARTY,
        /** The role for any party of the programme. */
        ANY_PARTY,
        /** The principal investigators of the proposal's teams. */
        TEAM,
        /** The expert the assignment names. */
        ASSIGNED_EXPERT,
        /** Whoever owns the thing (the author of an Innovation Centre profile). */
        OWNER,
        /** Tandem itself, in reaction to another workflow. */
        SYSTEM
    }

    public record Actor(Role role, Scope scope) {
        public static Actor system() {
            return new Actor(null, Scope.SYSTEM);
        }
    }

    /**
     * @param to        the state it leads to; null when the state stays as it was (an edit)
     * @param condition message key of what else must hold (checked by the service), or null
     * @param refusal   the error code when the current state does not allow the action
     */
    public record Transition(String action, Set<String> from, String to, Actor actor, String condition,
                             String refusal) {
    }

    public Workflow {
        states = List.copyOf(states);
        transitions = List.copyOf(transitions);
        for (Transition t : transitions) {
            if (!states.containsAll(t.from()) || t.to() != null && !states.contains(t.to())) {
                throw new IllegalArgumentException(name + "." + t.action() + " names a state the workflow does not have");
            }
        }
    }

    public static Builder named(String name, Enum<?>... states) {
        return new Builder(name, java.util.Arrays.stream(states).map(Enum::name).toList());
    }

    public static Builder named(String name, String... states) {
        return new Builder(name, List.of(states));
    }

    public String initial() {
        return states.get(0);
    }

    public Optional<Transition> transition(String action) {
        return transitions.stream().filter(t -> t.action().equals(action)).findFirst();
    }

    /** The actions that may start from {@code state}, in the order of the definition. */
    public List<Transition> actionsFrom(String state) {
        return transitions.stream().filter(t -> t.from().contains(state)).toList();
    }

    /**
     * Whether {@code action} may start from {@code state} (an enum constant or a state's name). One
     * method, not overloads: templates call it, and SpEL may keep the overload it picked first.
     */
    public boolean allows(Object state, String action) {
        String name = state instanceof Enum<?> e ? e.name() : String.valueOf(state);
        return transition(action).map(t -> t.from().contains(name)).orElse(false);
    }

    /**
     * The state {@code action} leads to from {@code state}, or a {@link ConflictException} with
     * the transition's refusal code when the definition does not allow it from there.
     */
    public String require(String state, String action) {
        Transition t = transition(action)
                .orElseThrow(() -> new IllegalArgumentException(name + " has no action " + action));
        if (!t.from().contains(state)) {
            throw new ConflictException(t.refusal());
        }
        return t.to() == null ? state : t.to();
    }

    public <E extends Enum<E>> E require(E state, String action) {
        return Enum.valueOf(state.getDeclaringClass(), require(state.name(), action));
    }

    public static final class Builder {
        private final String name;
        private final List<String> states;
        private final List<Transition> transitions = new ArrayList<>();

        private Builder(String name, List<String> states) {
            this.name = name;
            this.states = states;
        }

        /** A transition; {@code from} are state names (enum constants are accepted too). */
        public Builder action(String action, Object[] from, Object to, Actor actor, String condition, String refusal) {
            Set<String> starts = new LinkedHashSet<>();
            for (Object f : from) {
                starts.add(f instanceof Enum<?> e ? e.name() : f.toString());
            }
            transitions.add(new Transition(action, starts, to == null ? null : to instanceof Enum<?> e ? e.name() : to.toString(),
                    actor, condition, refusal));
            return this;
        }

        public Workflow build() {
            return new Workflow(name, states, transitions);
        }
    }

    /** Short for the states a transition may start from. */
    public static Object[] from(Object... states) {
        return states;
    }
}
