-- indicators: the units indices rank (provinces, regions, countries — the unit set is data).
create table indicator_unit (
    code       varchar(40) primary key,
    kind       varchar(20) not null,
    name_en    varchar(200) not null,
    name_vi    varchar(200) not null,
    name_ru    varchar(200) not null
);

-- An edition of a framework for one year: its indicator tree, data, pipeline choices and results.
create table indicator_edition (
    id             bigserial primary key,
    framework      varchar(40) not null,
    year           int not null,
    title_en       varchar(300) not null,
    title_vi       varchar(300) not null,
    title_ru       varchar(300) not null,
    state          varchar(12) not null check (state in ('DRAFT', 'COMPUTED', 'PUBLISHED')),
    pipeline       text not null,
    created_by     varchar(100) not null,
    created_at     timestamptz not null,
    imported_at    timestamptz,
    computed_at    timestamptz,
    published_at   timestamptz,
    unique (framework, year)
);

-- The indicator tree (COINr's iMeta): level 1 indicators, higher levels sub-pillars, pillars, the index.
create table indicator_node (
    edition_id     bigint not null references indicator_edition (id) on delete cascade,
    code           varchar(60) not null,
    position       int not null,
    level          int not null,
    type           varchar(12) not null,
    parent         varchar(60),
    name_en        varchar(300) not null,
    name_vi        varchar(300) not null,
    name_ru        varchar(300) not null,
    direction      int,
    weight         double precision,
    measure        varchar(100),
    source         varchar(300),
    target         double precision,
    denominator    varchar(60),
    primary key (edition_id, code)
);

-- The edition's data (COINr's iData), one row per unit and column; a missing value is a null.
create table indicator_value (
    edition_id     bigint not null references indicator_edition (id) on delete cascade,
    unit_code      varchar(40) not null references indicator_unit (code),
    code           varchar(60) not null,
    value          double precision,
    text_value     varchar(200),
    primary key (edition_id, unit_code, code)
);

-- Score and rank of every unit on every aggregate and normalised indicator.
create table indicator_score (
    edition_id     bigint not null references indicator_edition (id) on delete cascade,
    unit_code      varchar(40) not null,
    code           varchar(60) not null,
    score          double precision,
    rank           int,
    primary key (edition_id, unit_code, code)
);

-- Rank intervals of the Monte-Carlo uncertainty analysis.
create table indicator_rank_interval (
    edition_id     bigint not null references indicator_edition (id) on delete cascade,
    unit_code      varchar(40) not null,
    nominal_rank   double precision,
    median_rank    double precision,
    q05_rank       double precision,
    q95_rank       double precision,
    primary key (edition_id, unit_code)
);

-- GII-style strengths (S) and weaknesses (W) of a unit.
create table indicator_strength (
    edition_id     bigint not null references indicator_edition (id) on delete cascade,
    unit_code      varchar(40) not null,
    code           varchar(60) not null,
    kind           char(1) not null check (kind in ('S', 'W')),
    rank           int not null,
    primary key (edition_id, unit_code, code)
);

-- A computation requested by an analyst and run in the background; the page polls it.
create table indicator_run (
    id             bigserial primary key,
    edition_id     bigint not null references indicator_edition (id) on delete cascade,
    kind           varchar(12) not null check (kind in ('COMPUTE', 'UNCERTAINTY')),
    replications   int not null default 0,
    seed           bigint not null default 0,
    status         varchar(10) not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    progress       int not null default 0,
    message        text,
    requested_by   varchar(100) not null,
    requested_at   timestamptz not null,
    started_at     timestamptz,
    finished_at    timestamptz
);
create index indicator_run_queued on indicator_run (status) where status = 'QUEUED';
