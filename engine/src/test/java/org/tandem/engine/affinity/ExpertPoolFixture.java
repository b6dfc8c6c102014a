package org.tandem.engine.affinity;

import java.util.List;

/**
 * A small hand-made pool in the spirit of the reviewer-assignment gold standard (experts with
 * their own papers, proposals whose right expert a human would name at once). Neighbouring
 * experts overlap on purpose (batteries vs hydrogen catalysis vs solar; NLP vs vision vs RL)
 * so that "right expert first" is not trivial.
 */
final class ExpertPoolFixture {

    private ExpertPoolFixture() {
    }

    static Publication pub(String title, String abs, int year) {
        return new Publication(title, abs, year);
    }

    static final List<ExpertProfile> EXPERTS = List.of(
        new ExpertProfile("nlp", List.of("natural language processing", "machine translation"), List.of("1.2", "6.2"), List.of(
            pub("Transfer learning for low-resource neural machine translation",
                "We study transfer from high-resource language pairs to low-resource pairs such as Vietnamese-English in transformer translation models and report BLEU gains.", 2022),
            pub("Subword segmentation for Vietnamese and Russian text",
                "Byte-pair encoding and morphological segmentation are compared for tokenising Vietnamese syllables and Russian inflected words before translation.", 2020),
            pub("Named entity recognition with pretrained multilingual language models",
                "Multilingual BERT and XLM-R are fine-tuned for named entity recognition in news corpora across twelve languages.", 2019),
            pub("Evaluating machine translation quality without references",
                "Quality estimation predicts the adequacy of translated sentences from source and hypothesis alone.", 2023))),
        new ExpertProfile("vision", List.of("computer vision", "image segmentation"), List.of("1.2", "2.2"), List.of(
            pub("Convolutional networks for semantic image segmentation of satellite imagery",
                "Encoder-decoder convolutional neural networks segment land cover classes in multispectral satellite images.", 2021),
            pub("Real-time object detection on embedded hardware",
                "We quantise single-stage object detectors to run on low-power embedded devices for traffic cameras.", 2020),
            pub("Self-supervised visual representation learning",
                "Contrastive pretraining on unlabelled images yields features that transfer to detection and segmentation.", 2022))),
        new ExpertProfile("robotics", List.of("reinforcement learning", "robotics"), List.of("2.2", "1.2"), List.of(
            pub("Deep reinforcement learning for robotic grasping",
                "A robot arm learns grasping policies from camera images with off-policy deep reinforcement learning and sim-to-real transfer.", 2021),
            pub("Multi-agent reinforcement learning for warehouse logistics",
                "Cooperative agents learn decentralised policies that coordinate mobile robots in warehouses.", 2019),
            pub("Safe exploration in continuous control",
                "Constrained policy optimisation keeps a legged robot within safety limits during reinforcement learning.", 2023))),
        new ExpertProfile("batteries", List.of("lithium-ion batteries", "solid electrolytes"), List.of("2.5", "1.4"), List.of(
            pub("Sulfide solid electrolytes for all-solid-state lithium batteries",
                "Argyrodite sulfide electrolytes reach high ionic conductivity; interfacial stability with lithium metal anodes is studied.", 2022),
            pub("Nickel-rich layered cathode materials: degradation mechanisms",
                "Cycling of NMC811 cathodes causes microcracking and oxygen release; coatings improve capacity retention of lithium-ion cells.", 2021),
            pub("Silicon-graphite composite anodes",
                "Volume expansion of silicon anodes is buffered by graphite and binder design in lithium-ion batteries.", 2018),
            pub("Thermal runaway in lithium-ion battery packs",
                "Calorimetry and modelling of thermal runaway propagation inform safer battery pack design.", 2020))),
        new ExpertProfile("solar", List.of("perovskite solar cells", "photovoltaics"), List.of("2.5", "2.7"), List.of(
            pub("Moisture stability of perovskite solar cells",
                "Encapsulation and two-dimensional capping layers slow the humidity-driven degradation of methylammonium lead iodide perovskite films.", 2022),
            pub("Tandem perovskite-silicon photovoltaic devices",
                "Monolithic perovskite-silicon tandem solar cells exceed 28 percent power conversion efficiency.", 2023),
            pub("Thin-film deposition of halide perovskites by slot-die coating",
                "Scalable slot-die coating yields uniform perovskite thin films for photovoltaic modules.", 2021))),
        new ExpertProfile("wind", List.of("wind energy", "power forecasting"), List.of("2.7", "2.2"), List.of(
            pub("Wake effects in offshore wind farms",
                "Large-eddy simulation quantifies turbine wake losses and layout optimisation for offshore wind farms.", 2020),
            pub("Short-term wind power forecasting with gradient boosting",
                "Numerical weather prediction features and gradient boosting forecast wind farm power output hours ahead.", 2022),
            pub("Grid integration of variable renewable generation",
                "Storage and flexible demand reduce curtailment of wind and solar generation in transmission grids.", 2019))),
        new ExpertProfile("genomics", List.of("genome editing", "plant genomics"), List.of("1.6", "4.4"), List.of(
            pub("CRISPR-Cas9 editing of rice for drought tolerance",
                "Knock-out of a negative regulator gene by CRISPR-Cas9 improves drought tolerance and yield of rice plants.", 2021),
            pub("Genome-wide association of salinity tolerance in rice landraces",
                "GWAS across Mekong Delta rice landraces identifies loci associated with salt tolerance.", 2022),
            pub("Base editing efficiency in cereal crops",
                "Cytosine base editors achieve precise point mutations in wheat and rice genomes.", 2023))),
        new ExpertProfile("virology", List.of("dengue", "vaccines", "epidemiology"), List.of("3.3", "1.6"), List.of(
            pub("Immunogenicity of a tetravalent dengue vaccine in children",
                "A phase III trial measures neutralising antibody responses to all four dengue virus serotypes after vaccination.", 2020),
            pub("Climate drivers of dengue transmission in Southeast Asia",
                "Temperature and rainfall explain seasonal dengue incidence in Vietnam through mosquito vector dynamics.", 2022),
            pub("Antibody-dependent enhancement in flavivirus infection",
                "Cross-reactive antibodies to Zika and dengue viruses enhance infection of immune cells in vitro.", 2018))),
        new ExpertProfile("hydrogen", List.of("electrocatalysis", "hydrogen"), List.of("1.4", "2.5"), List.of(
            pub("Nickel-iron layered double hydroxide electrocatalysts for oxygen evolution",
                "NiFe LDH nanosheets catalyse the oxygen evolution reaction in alkaline water electrolysis at low overpotential.", 2022),
            pub("Platinum-free catalysts for the hydrogen evolution reaction",
                "Molybdenum sulfide edges and nickel phosphides are benchmarked for hydrogen evolution in acidic and alkaline media.", 2021),
            pub("Anion exchange membrane water electrolysers",
                "Membrane and ionomer degradation limit the durability of anion exchange membrane electrolysers for green hydrogen.", 2023),
            pub("Photoelectrochemical water splitting on hematite",
                "Surface passivation of hematite photoanodes improves solar-driven water splitting.", 2017))),
        new ExpertProfile("ru-ml", List.of("Нейронные сети", "машинное обучение", "Hợp tác khoa học"), List.of("1.2"), List.of()));

    record Case(ProposalText proposal, String rightExpert) {
    }

    static final List<Case> CASES = List.of(
        new Case(new ProposalText("P-mt", "Neural machine translation between Vietnamese and Russian",
            "We will build transformer translation models for the low-resource Vietnamese-Russian language pair, using transfer learning and subword segmentation.",
            List.of("machine translation", "low-resource languages"), List.of("1.2")), "nlp"),
        new Case(new ProposalText("P-pv", "Durable perovskite photovoltaic modules for humid tropical climates",
            "The project develops encapsulated perovskite solar cells and modules that resist moisture, with slot-die coated thin films.",
            List.of("perovskite", "solar cells"), List.of("2.5")), "solar"),
        new Case(new ProposalText("P-bat", "Solid-state electrolytes for safer lithium batteries",
            "Sulfide and oxide solid electrolytes will be synthesised and tested against lithium metal anodes to prevent thermal runaway.",
            List.of("solid electrolyte", "lithium metal"), List.of("2.5")), "batteries"),
        new Case(new ProposalText("P-rice", "Genome editing of rice for salinity tolerance in the Mekong Delta",
            "CRISPR-Cas9 and base editing of candidate salt tolerance loci in Vietnamese rice varieties.",
            List.of("CRISPR", "rice", "salinity"), List.of("4.4")), "genomics"),
        new Case(new ProposalText("P-wind", "Forecasting offshore wind power for the Vietnamese grid",
            "Machine-learning forecasts of offshore wind farm output from weather prediction, and their use for grid integration.",
            List.of(), List.of("2.7")), "wind"),
        new Case(new ProposalText("P-h2", "Low-cost nickel electrocatalysts for alkaline water electrolysis",
            "Nickel-based layered hydroxides and phosphides for oxygen and hydrogen evolution in anion exchange membrane electrolysers.",
            List.of("green hydrogen", "electrocatalysis"), List.of("1.4")), "hydrogen"),
        new Case(new ProposalText("P-dengue", "Dengue vaccine responses and transmission under climate change",
            "Cohort study of antibody responses after dengue vaccination and models of climate-driven dengue transmission in Vietnam.",
            List.of("dengue", "vaccination"), List.of("3.3")), "virology"),
        new Case(new ProposalText("P-grasp", "Learning robotic manipulation from vision",
            "Deep reinforcement learning of grasping policies for a robot arm, with simulation-to-reality transfer.",
            List.of("robot learning"), List.of("2.2")), "robotics"));
}
