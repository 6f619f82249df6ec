-- Row-level security for the Power BI model: which signed-in users (Entra user principal names) may see
-- which LA. The model's role "LA users" keeps a user to the LAs mapped to USERPRINCIPALNAME() (compared
-- without regard to case). Rows are kept by the data engineers; an unmapped user sees no LA.
-- SQL Server has the same table, and the view as pbi.la_user (sql/sqlserver/0007_security_la_user.sql).

CREATE TABLE security_la_user (
    user_principal_name  TEXT NOT NULL,     -- e.g. analyst@council.gov.uk
    la_code              TEXT NOT NULL,     -- DfE three-digit LA number (dim_local_authority.la_code)
    PRIMARY KEY (user_principal_name, la_code)
) WITHOUT ROWID;

CREATE VIEW pbi_la_user AS
SELECT user_principal_name, la_code
FROM security_la_user;
