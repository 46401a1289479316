package org.bridgeway.directory.importing;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.bridgeway.directory.reference.Vocabulary;

/**
 * The asset-mapping form asks no need category, yet referrers find listings by one. These rules
 * guess it from the Marmot principles, outcomes and priority groups ticked and from words of the
 * name and description; a service nothing points at goes under "other". An administrator can
 * correct a guess. Broad answers (improved mental wellbeing, social connection as an outcome) are
 * left out on purpose: most services tick them.
 */
final class CategoryRules {

    /** A category and what points at it: "marmot:", "outcome:" or "group:" codes, or words as {@link Wording#normalise} writes them. */
    private record Rule(String category, List<String> signals) {
    }

    private static final List<Rule> RULES = List.of(
            rule("mental-health", "mental health", "counselling", "therapy", "therapeutic", "anxiety", "depression",
                    "low mood", "stress", "camhs", "self harm", "suicide"),
            rule("family-support", "marmot:best-start", "parent", "parents", "parenting", "family", "families", "baby",
                    "babies", "stay and play"),
            rule("social-connection", "loneliness", "lonely", "isolation", "isolated", "befriending", "meet ups",
                    "social group", "coffee morning", "connect with other"),
            rule("fuel", "energy bills", "energy advice", "fuel", "heating", "warm home", "warm homes", "draught proofing"),
            rule("housing", "outcome:improved-housing-stability", "group:homelessness", "housing", "homeless",
                    "homelessness", "tenancy", "eviction", "rough sleeping", "temporary accommodation"),
            rule("benefits", "benefits", "universal credit", "welfare rights", "pension credit"),
            rule("debt", "debt", "debts", "arrears", "bailiffs"),
            rule("money-management", "outcome:improved-financial-wellbeing", "budgeting", "money advice", "cost of living"),
            rule("food", "food", "meals", "pantry", "lunch club"),
            rule("digital-inclusion", "group:digitally-excluded", "digital skills", "digital inclusion", "getting online",
                    "laptop", "laptops", "computer skills"),
            rule("employment-skills", "marmot:fair-employment", "group:young-people-neet", "employment", "employability",
                    "job", "jobs", "cv", "apprenticeship", "apprenticeships"),
            rule("carers", "group:carers", "group:young-carers", "unpaid carer", "unpaid carers", "young carer",
                    "young carers", "respite", "short breaks"),
            rule("physical-activity", "physical activity", "exercise", "sport", "sports", "walking", "fitness", "yoga",
                    "swimming", "dance", "football"),
            rule("long-term-conditions", "group:long-term-conditions", "long term condition", "long term conditions",
                    "copd", "diabetes", "asthma", "chronic", "frailty"),
            rule("stop-smoking", "smoking", "smokefree", "vaping", "tobacco"),
            rule("healthy-weight", "weight", "obesity", "healthy eating", "nutrition"),
            rule("substance-misuse", "group:substance-misuse", "drug", "drugs", "alcohol", "addiction"),
            rule("domestic-abuse", "group:domestic-abuse-survivors", "domestic abuse", "domestic violence"),
            rule("household-essentials", "furniture", "white goods", "essential items", "emergency grant"),
            rule("independent-living", "independent living", "assistive technology", "home adaptations", "mobility aids"),
            rule("transport", "transport", "minibus"),
            rule("send-neurodiversity", "group:send", "group:learning-disability-autism", "group:parents-of-neurodiverse-children",
                    "special educational needs", "autism", "autistic", "adhd", "neurodiverse", "neurodivergent",
                    "neurodiversity", "learning disability", "learning disabilities"),
            rule("disability-sensory", "group:sensory-loss", "group:disabled-people", "deaf", "blind", "sight loss",
                    "hearing loss", "visual impairment", "wheelchair"),
            rule("end-of-life", "bereavement", "bereaved", "grief", "end of life", "palliative", "hospice"),
            rule("refugee-asylum-support", "group:refugees-asylum-seekers", "refugee", "refugees", "asylum"));

    private CategoryRules() {
    }

    /** The categories pointed at, in the order of the rules, or just "other". */
    static List<String> infer(Collection<String> marmotPrinciples, Collection<String> outcomes,
                              Collection<String> priorityGroups, String text) {
        String words = " " + Vocabulary.normalise(text) + " ";
        List<String> categories = RULES.stream()
                .filter(rule -> rule.signals().stream().anyMatch(signal ->
                        signal.startsWith("marmot:") ? marmotPrinciples.contains(signal.substring(7))
                                : signal.startsWith("outcome:") ? outcomes.contains(signal.substring(8))
                                : signal.startsWith("group:") ? priorityGroups.contains(signal.substring(6))
                                : words.contains(" " + signal + " ")))
                .map(Rule::category)
                .toList();
        return categories.isEmpty() ? List.of("other") : categories;
    }

    private static Rule rule(String category, String... signals) {
        return new Rule(category, Arrays.asList(signals));
    }
}
