// Production: private by default (storage and Key Vault behind private endpoints with firewalls that deny, SQL's
// public endpoint disabled, outbound through the NAT gateway), Defender for Storage and SQL, geo-redundant data and
// backups, long recovery windows, delete locks and Key Vault purge protection, because no extract, load or key may be
// lost. The LA's extract job reaches the data account over the council's VPN or ExpressRoute to the private endpoint,
// or from the public addresses in PERFPIPELINE_UPLOAD_ALLOWED_IPS. Identities come from the environment so no tenant's
// ids are committed (docs/deployment.md).
using '../main.bicep'

param environmentName = 'prod'
param sqlAdministratorLogin = readEnvironmentVariable('PERFPIPELINE_SQL_ADMIN_LOGIN', '')
param sqlAdministratorObjectId = readEnvironmentVariable('PERFPIPELINE_SQL_ADMIN_OBJECT_ID', '')
param operatorPrincipalId = readEnvironmentVariable('PERFPIPELINE_OPERATOR_OBJECT_ID', '')
param uploaderPrincipalId = readEnvironmentVariable('PERFPIPELINE_UPLOADER_OBJECT_ID', '')
param apiClientId = readEnvironmentVariable('PERFPIPELINE_API_CLIENT_ID', '')
param alertEmail = readEnvironmentVariable('PERFPIPELINE_ALERT_EMAIL', '')
param uploadAllowedIpRanges = filter(split(readEnvironmentVariable('PERFPIPELINE_UPLOAD_ALLOWED_IPS', ''), ','), range => !empty(range))
param vnetAddressPrefix = readEnvironmentVariable('PERFPIPELINE_VNET_ADDRESS_PREFIX', '10.40.0.0/24')

param denyPublicTraffic = true
param enableDefender = true
param dataStorageSku = 'Standard_RAGRS'
param softDeleteRetentionDays = 90
param archiveCoolAfterDays = 30
param batchRetentionDays = 395
param sqlMaxVCores = 4
param sqlBackupStorageRedundancy = 'Geo'
param sqlBackupRetentionDays = 35
param logRetentionDays = 90
param keyVaultPurgeProtection = true
param enableDeleteLocks = true
