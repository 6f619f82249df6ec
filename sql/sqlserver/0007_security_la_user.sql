-- Row-level security for the Power BI model: which signed-in users (Entra user principal names) may see
-- which LA. The model's role "LA users" keeps a user to the LAs mapped to USERPRINCIPALNAME(). Rows are
-- kept by the data engineers; an unmapped user sees no LA. Same table and view as SQLite's
-- sql/sqlite/0007_security_la_user.sql (there the view is pbi_la_user).

CREATE TABLE dbo.security_la_user (
    user_principal_name  nvarchar(256)  NOT NULL,  -- e.g. analyst@council.gov.uk
    la_code              nvarchar(10)   NOT NULL,  -- DfE three-digit LA number (dim_local_authority.la_code)
    CONSTRAINT pk_security_la_user PRIMARY KEY CLUSTERED (user_principal_name, la_code)
);
GO

CREATE VIEW pbi.la_user AS
SELECT user_principal_name, la_code
FROM dbo.security_la_user;
GO
