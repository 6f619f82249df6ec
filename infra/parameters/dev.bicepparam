// Development: small, cheap, easy to tear down. Identities come from the environment so no tenant's ids are
// committed (see docs/deployment.md).
using '../main.bicep'

param environmentName = 'dev'
param sqlAdministratorLogin = readEnvironmentVariable('PERFPIPELINE_SQL_ADMIN_LOGIN', '')
param sqlAdministratorObjectId = readEnvironmentVariable('PERFPIPELINE_SQL_ADMIN_OBJECT_ID', '')
param operatorPrincipalId = readEnvironmentVariable('PERFPIPELINE_OPERATOR_OBJECT_ID', '')
param deployEventGridSubscription = bool(readEnvironmentVariable('PERFPIPELINE_DEPLOY_EVENT_GRID_SUBSCRIPTION', 'false'))

param dataStorageSku = 'Standard_LRS'
param softDeleteRetentionDays = 7
param sqlBackupStorageRedundancy = 'Local'
param sqlBackupRetentionDays = 7
param sqlAutoPauseDelayMinutes = 60
param keyVaultPurgeProtection = false
param enableDeleteLocks = false
