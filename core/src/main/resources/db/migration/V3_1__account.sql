-- Portal accounts (issue 5). Ids are application-generated UUID strings, never IDENTITY columns.
-- Passwords are stored only as PBKDF2 hashes in the Jakarta Security format
-- (algorithm:iterations:salt:hash). care_team is the care team a clinician belongs to
-- (issue 6 limits a clinician to that team's patients); null for admins and unassigned users.
CREATE TABLE account (
    id            VARCHAR(36)  NOT NULL,
    version       BIGINT       NOT NULL,
    username      VARCHAR(100) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    care_team     VARCHAR(64),
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_account PRIMARY KEY (id),
    CONSTRAINT uq_account_username UNIQUE (username)
);

-- Roles of an account: CLINICIAN and/or ADMIN. ROLE is not reserved, but prefixed for symmetry.
CREATE TABLE account_role (
    account_id   VARCHAR(36) NOT NULL,
    account_role VARCHAR(16) NOT NULL,
    CONSTRAINT pk_account_role PRIMARY KEY (account_id, account_role),
    CONSTRAINT fk_account_role_account FOREIGN KEY (account_id) REFERENCES account (id)
);
