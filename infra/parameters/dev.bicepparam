// Development: small, cheap, easy to tear down, and reachable from the internet: storage and Key Vault accept public
// traffic (Entra authentication and RBAC only, no keys), SQL's public endpoint admits only the operators' addresses
// in PERFPIPELINE_SQL_ALLOWED_IPS. Never put real children's data in dev. Identities and addresses come from the
// environment so no tenant's ids are committed (docs/deployment.md).
using '../main.bicep'

param environmentName = 'dev'
param sqlAdministratorLogin = readEnvironmentVariable('PERFPIPELINE_SQL_ADMIN_LOGIN', '')
param sqlAdministratorObjectId = readEnvironmentVariable('PERFPIPELINE_SQL_ADMIN_OBJECT_ID', '')
param operatorPrincipalId = readEnvironmentVariable('PERFPIPELINE_OPERATOR_OBJECT_ID', '')
param uploaderPrincipalId = readEnvironmentVariable('PERFPIPELINE_UPLOADER_OBJECT_ID', '')
param apiClientId = readEnvironmentVariable('PERFPIPELINE_API_CLIENT_ID', '')
param alertEmail = readEnvironmentVariable('PERFPIPELINE_ALERT_EMAIL', '')
param sqlAllowedIpAddresses = filter(split(readEnvironmentVariable('PERFPIPELINE_SQL_ALLOWED_IPS', ''), ','), address => !empty(address))

param denyPublicTraffic = false
param enableDefender = false
param dataStorageSku = 'Standard_LRS'
param softDeleteRetentionDays = 7
param sqlBackupStorageRedundancy = 'Local'
param sqlBackupRetentionDays = 7
param sqlAutoPauseDelayMinutes = 60
param keyVaultPurgeProtection = false
param enableDeleteLocks = false
