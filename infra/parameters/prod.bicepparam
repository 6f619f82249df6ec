// Production: geo-redundant data and backups, long recovery windows, delete locks and Key Vault purge
// protection, because no extract, load or key may be lost. Identities come from the environment so no
// tenant's ids are committed (see docs/deployment.md).
using '../main.bicep'

param environmentName = 'prod'
param sqlAdministratorLogin = readEnvironmentVariable('PERFPIPELINE_SQL_ADMIN_LOGIN', '')
param sqlAdministratorObjectId = readEnvironmentVariable('PERFPIPELINE_SQL_ADMIN_OBJECT_ID', '')
param operatorPrincipalId = readEnvironmentVariable('PERFPIPELINE_OPERATOR_OBJECT_ID', '')
param deployEventGridSubscription = bool(readEnvironmentVariable('PERFPIPELINE_DEPLOY_EVENT_GRID_SUBSCRIPTION', 'false'))
param sqlConnectivity = readEnvironmentVariable('PERFPIPELINE_SQL_CONNECTIVITY', 'AzureServices')

param dataStorageSku = 'Standard_RAGRS'
param softDeleteRetentionDays = 90
param archiveCoolAfterDays = 30
param archiveTierAfterDays = 365
param sqlMaxVCores = 4
param sqlBackupStorageRedundancy = 'Geo'
param sqlBackupRetentionDays = 35
param logRetentionDays = 90
param keyVaultPurgeProtection = true
param enableDeleteLocks = true
