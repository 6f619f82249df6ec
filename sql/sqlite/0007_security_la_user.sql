-- Row-level security for the Power BI model: which signed-in users (Entra user principal names) may see
-- which LA. Power BI's role "LA users" keeps a user to the LAs mapped to USERPRINCIPALNAME(). Rows are
-- maintained by the data engineers; an unmapped user sees no LA.

CREATE TABLE security_la_user (
    user_principal_name  TEXT NOT NULL,     -- e.g. analyst@council.gov.uk, stored lower-case
    la_code              TEXT NOT NULL,     -- DfE three-digit LA number (dim_local_authority.la_code)
    PRIMARY KEY (user_principal_name, la_code),
    CHECK (user_principal_name = lower(user_principal_name))
) WITHOUT ROWID;

CREATE VIEW pbi_la_user AS
SELECT user_principal_name, la_code
FROM security_la_user;
