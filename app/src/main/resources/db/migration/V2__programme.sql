-- programme: programmes, parties, priority fields, annual plans and calls.

-- OECD Fields of Science and Technology (FOS 2007), the classification every field maps to.
create table fos_field (
    code     varchar(10) primary key,
    name_en  text not null,
    name_vi  text not null,
    name_ru  text not null
);

create table programme (
    id                  bigserial primary key,
    code                varchar(40) not null unique,
    name_en             text not null,
    name_vi             text,
    name_ru             text,
    description_en      text,
    description_vi      text,
    description_ru      text,
    first_year          int not null,
    last_year           int not null,
    -- Languages in which calls of this programme must be written, e.g. 'en,vi,ru'.
    required_languages  varchar(20) not null default 'en',
    version             bigint not null default 0,
    check (last_year >= first_year)
);

-- A party is one funding agency of one country; it funds only its own country's teams.
create table party (
    id              bigserial primary key,
    programme_id    bigint not null references programme (id),
    code            varchar(20) not null,
    country_code    char(2) not null,
    agency_en       text not null,
    agency_vi       text,
    agency_ru       text,
    currency        char(3) not null,
    time_zone       varchar(64) not null,
    position        int not null default 0,
    unique (programme_id, code)
);

create table priority_field (
    id            bigserial primary key,
    programme_id  bigint not null references programme (id),
    code          varchar(20) not null,
    name_en       text not null,
    name_vi       text not null,
    name_ru       text not null,
    position      int not null default 0,
    unique (programme_id, code)
);

create table priority_field_fos (
    priority_field_id  bigint not null references priority_field (id) on delete cascade,
    fos_code           varchar(10) not null references fos_field (code),
    primary key (priority_field_id, fos_code)
);

create table annual_plan (
    id                bigserial primary key,
    programme_id      bigint not null references programme (id),
    year              int not null,
    target_projects   int not null check (target_projects >= 0),
    planned_open      date,
    planned_close     date,
    version           bigint not null default 0,
    unique (programme_id, year)
);

create table annual_plan_budget (
    plan_id    bigint not null references annual_plan (id) on delete cascade,
    party_id   bigint not null references party (id),
    amount     numeric(22, 2) not null check (amount >= 0),
    currency   char(3) not null,
    primary key (plan_id, party_id)
);

create table annual_plan_field (
    plan_id     bigint not null references annual_plan (id) on delete cascade,
    field_code  varchar(20) not null,
    primary key (plan_id, field_code)
);

create table funding_call (
    id                   bigserial primary key,
    programme_id         bigint not null references programme (id),
    year                 int not null,
    title_en             text,
    title_vi             text,
    title_ru             text,
    text_en              text,
    text_vi              text,
    text_ru              text,
    opens_at             timestamptz not null,
    closes_at            timestamptz not null,
    min_duration_months  int not null,
    max_duration_months  int not null,
    -- Stored phase; "open" and "closed" are derived from the clock (see CallStatus).
    phase                varchar(20) not null,
    created_by           varchar(100) not null,
    created_at           timestamptz not null,
    version              bigint not null default 0,
    check (closes_at > opens_at),
    check (max_duration_months >= min_duration_months and min_duration_months > 0)
);
create index funding_call_programme on funding_call (programme_id, year);

create table call_field (
    call_id     bigint not null references funding_call (id) on delete cascade,
    field_code  varchar(20) not null,
    primary key (call_id, field_code)
);

create table call_budget (
    call_id      bigint not null references funding_call (id) on delete cascade,
    party_id     bigint not null references party (id),
    total        numeric(22, 2) not null check (total >= 0),
    project_cap  numeric(22, 2) not null check (project_cap >= 0),
    currency     char(3) not null,
    primary key (call_id, party_id)
);

-- One approval per party; a call is published when every party of the programme approved.
create table call_approval (
    call_id      bigint not null references funding_call (id) on delete cascade,
    party_id     bigint not null references party (id),
    approved_by  varchar(100) not null,
    approved_at  timestamptz not null,
    primary key (call_id, party_id)
);

insert into fos_field (code, name_en, name_vi, name_ru) values
('1',    'Natural sciences', 'Khoa học tự nhiên', 'Естественные науки'),
('1.1',  'Mathematics', 'Toán học', 'Математика'),
('1.2',  'Computer and information sciences', 'Khoa học máy tính và thông tin', 'Компьютерные и информационные науки'),
('1.3',  'Physical sciences', 'Khoa học vật lý', 'Физические науки'),
('1.4',  'Chemical sciences', 'Khoa học hóa học', 'Химические науки'),
('1.5',  'Earth and related environmental sciences', 'Khoa học trái đất và môi trường liên quan', 'Науки о Земле и смежные экологические науки'),
('1.6',  'Biological sciences', 'Khoa học sinh học', 'Биологические науки'),
('1.7',  'Other natural sciences', 'Khoa học tự nhiên khác', 'Другие естественные науки'),
('2',    'Engineering and technology', 'Khoa học kỹ thuật và công nghệ', 'Инженерные науки и технологии'),
('2.1',  'Civil engineering', 'Kỹ thuật dân dụng', 'Гражданское строительство'),
('2.2',  'Electrical, electronic and information engineering', 'Kỹ thuật điện, điện tử và thông tin', 'Электротехника, электроника, информационные технологии'),
('2.3',  'Mechanical engineering', 'Kỹ thuật cơ khí', 'Механика и машиностроение'),
('2.4',  'Chemical engineering', 'Kỹ thuật hóa học', 'Химическая технология'),
('2.5',  'Materials engineering', 'Kỹ thuật vật liệu', 'Материаловедение'),
('2.6',  'Medical engineering', 'Kỹ thuật y học', 'Медицинская техника'),
('2.7',  'Environmental engineering', 'Kỹ thuật môi trường', 'Экологическая инженерия'),
('2.8',  'Environmental biotechnology', 'Công nghệ sinh học môi trường', 'Экологическая биотехнология'),
('2.9',  'Industrial biotechnology', 'Công nghệ sinh học công nghiệp', 'Промышленная биотехнология'),
('2.10', 'Nano-technology', 'Công nghệ nano', 'Нанотехнологии'),
('2.11', 'Other engineering and technologies', 'Kỹ thuật và công nghệ khác', 'Другие инженерные науки и технологии'),
('3',    'Medical and health sciences', 'Khoa học y, dược', 'Медицинские науки и здравоохранение'),
('3.1',  'Basic medicine', 'Y học cơ sở', 'Фундаментальная медицина'),
('3.2',  'Clinical medicine', 'Y học lâm sàng', 'Клиническая медицина'),
('3.3',  'Health sciences', 'Khoa học sức khỏe', 'Науки о здоровье'),
('3.4',  'Medical biotechnology', 'Công nghệ sinh học y học', 'Медицинская биотехнология'),
('3.5',  'Other medical sciences', 'Khoa học y, dược khác', 'Другие медицинские науки'),
('4',    'Agricultural sciences', 'Khoa học nông nghiệp', 'Сельскохозяйственные науки'),
('4.1',  'Agriculture, forestry and fisheries', 'Nông nghiệp, lâm nghiệp và thủy sản', 'Сельское, лесное и рыбное хозяйство'),
('4.2',  'Animal and dairy science', 'Chăn nuôi', 'Животноводство и молочное дело'),
('4.3',  'Veterinary science', 'Thú y', 'Ветеринария'),
('4.4',  'Agricultural biotechnology', 'Công nghệ sinh học nông nghiệp', 'Сельскохозяйственная биотехнология'),
('4.5',  'Other agricultural sciences', 'Khoa học nông nghiệp khác', 'Другие сельскохозяйственные науки'),
('5',    'Social sciences', 'Khoa học xã hội', 'Социальные науки'),
('5.1',  'Psychology', 'Tâm lý học', 'Психология'),
('5.2',  'Economics and business', 'Kinh tế và kinh doanh', 'Экономика и бизнес'),
('5.3',  'Educational sciences', 'Khoa học giáo dục', 'Педагогические науки'),
('5.4',  'Sociology', 'Xã hội học', 'Социология'),
('5.5',  'Law', 'Pháp luật', 'Право'),
('5.6',  'Political science', 'Khoa học chính trị', 'Политология'),
('5.7',  'Social and economic geography', 'Địa lý kinh tế và xã hội', 'Социальная и экономическая география'),
('5.8',  'Media and communications', 'Thông tin đại chúng và truyền thông', 'СМИ и коммуникации'),
('5.9',  'Other social sciences', 'Khoa học xã hội khác', 'Другие социальные науки'),
('6',    'Humanities', 'Khoa học nhân văn', 'Гуманитарные науки'),
('6.1',  'History and archaeology', 'Lịch sử và khảo cổ học', 'История и археология'),
('6.2',  'Languages and literature', 'Ngôn ngữ và văn học', 'Языки и литература'),
('6.3',  'Philosophy, ethics and religion', 'Triết học, đạo đức học và tôn giáo', 'Философия, этика и религия'),
('6.4',  'Art', 'Nghệ thuật', 'Искусство'),
('6.5',  'Other humanities', 'Khoa học nhân văn khác', 'Другие гуманитарные науки');
