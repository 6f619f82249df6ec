// PerfPipeline in Azure: a Flex Consumption function app (.NET 10 isolated worker) that loads extract batches
// from blob storage into an Azure SQL warehouse, with Key Vault for the pseudonymisation key and Application
// Insights for telemetry. Nothing here uses an account key or password. Deployment steps: docs/deployment.md.

targetScope = 'resourceGroup'

@description('Azure region for every resource (one that offers Flex Consumption).')
param location string = resourceGroup().location

@description('Short application name used in resource names (lower-case letters and digits).')
@minLength(3)
@maxLength(12)
param appName string = 'perfpipeline'

@description('Environment the deployment is for.')
@allowed([
  'dev'
  'test'
  'prod'
])
param environmentName string

@description('Display name of the Entra group (or user) that administers Azure SQL.')
@minLength(1)
param sqlAdministratorLogin string

@description('Object id of that Entra group (or user).')
@minLength(36)
@maxLength(36)
param sqlAdministratorObjectId string

@description('Kind of principal the SQL administrator is.')
@allowed([
  'Group'
  'User'
  'Application'
])
param sqlAdministratorPrincipalType string = 'Group'

@description('Object id of the operator (a user or group) who runs post-deploy.sh and drops batches: Key Vault Secrets Officer and blob contributor on the data containers. Empty for none.')
param operatorPrincipalId string = ''

@description('How Azure SQL is reached. AzureServices: public endpoint, Azure services only (firewall rule 0.0.0.0). PrivateEndpoint: public endpoint disabled; the app reaches SQL through a private endpoint in a new virtual network.')
@allowed([
  'AzureServices'
  'PrivateEndpoint'
])
param sqlConnectivity string = 'AzureServices'

@description('Create the Event Grid subscription to LoadBatchOnManifest. Set true only after the function app has been published (its webhook key exists only then).')
param deployEventGridSubscription bool = false

@description('NCRONTAB schedule (UTC) of MonthlySweep; the default is 06:00 on the 2nd of each month.')
param monthlySweepSchedule string = '0 0 6 2 * *'

@description('Redundancy of the data storage account.')
@allowed([
  'Standard_LRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param dataStorageSku string = 'Standard_GRS'

@description('Days deleted blobs, blob versions and containers stay recoverable in the data account.')
@minValue(7)
@maxValue(365)
param softDeleteRetentionDays int = 30

@description('Days after which archived batches move to the cool tier.')
@minValue(1)
param archiveCoolAfterDays int = 30

@description('Days after which archived batches move to the archive tier (replaying them then needs rehydration).')
@minValue(30)
param archiveTierAfterDays int = 365

@description('Most vCores the serverless database scales up to.')
@allowed([
  1
  2
  4
  6
  8
])
param sqlMaxVCores int = 2

@description('Fewest vCores while the database runs.')
param sqlMinVCores string = '0.5'

@description('Idle minutes before the database pauses (-1 never pauses).')
param sqlAutoPauseDelayMinutes int = 60

@description('Largest database size in GB.')
param sqlMaxSizeGB int = 32

@description('Storage redundancy of database backups.')
@allowed([
  'Local'
  'Zone'
  'Geo'
])
param sqlBackupStorageRedundancy string = 'Geo'

@description('Days of point-in-time restore for the database.')
@minValue(1)
@maxValue(35)
param sqlBackupRetentionDays int = 14

@description('Upper bound on function app instances.')
@minValue(40)
@maxValue(1000)
param functionMaximumInstanceCount int = 40

@description('Memory per function app instance in MB.')
@allowed([
  512
  2048
  4096
])
param functionInstanceMemoryMB int = 2048

@description('Days Log Analytics keeps telemetry and audit logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Turn on Key Vault purge protection (cannot be turned off again).')
param keyVaultPurgeProtection bool = true

@description('Put CanNotDelete locks on the data storage account, the SQL server and the Key Vault.')
param enableDeleteLocks bool = false

var suffix = take(uniqueString(resourceGroup().id, appName, environmentName), 6)
var compactName = toLower(replace(appName, '-', ''))
var tags = {
  application: 'PerfPipeline'
  environment: environmentName
}
var names = {
  workspace: 'log-${appName}-${environmentName}-${suffix}'
  appInsights: 'appi-${appName}-${environmentName}-${suffix}'
  hostStorage: 'st${take(compactName, 8)}${environmentName}h${suffix}'
  dataStorage: 'st${take(compactName, 8)}${environmentName}d${suffix}'
  keyVault: 'kv-${take(compactName, 8)}-${environmentName}-${suffix}'
  sqlServer: 'sql-${appName}-${environmentName}-${suffix}'
  sqlDatabase: 'perfpipeline'
  plan: 'asp-${appName}-${environmentName}-${suffix}'
  functionApp: 'func-${appName}-${environmentName}-${suffix}'
  eventGridTopic: 'evgt-${appName}-${environmentName}-${suffix}'
  vnet: 'vnet-${appName}-${environmentName}-${suffix}'
}
var deploymentContainerName = 'app-package'
var deadLetterContainerName = 'eventgrid-deadletter'
var privateSql = sqlConnectivity == 'PrivateEndpoint'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    retentionInDays: logRetentionDays
  }
}

module hostStorage 'modules/host-storage.bicep' = {
  name: 'host-storage'
  params: {
    location: location
    tags: tags
    name: names.hostStorage
    deploymentContainerName: deploymentContainerName
  }
}

module dataStorage 'modules/data-storage.bicep' = {
  name: 'data-storage'
  params: {
    location: location
    tags: tags
    name: names.dataStorage
    skuName: dataStorageSku
    softDeleteRetentionDays: softDeleteRetentionDays
    coolAfterDays: archiveCoolAfterDays
    archiveAfterDays: archiveTierAfterDays
    deadLetterContainerName: deadLetterContainerName
    enableDeleteLock: enableDeleteLocks
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    location: location
    tags: tags
    name: names.keyVault
    softDeleteRetentionInDays: 90
    enablePurgeProtection: keyVaultPurgeProtection
    workspaceId: monitoring.outputs.workspaceId
    enableDeleteLock: enableDeleteLocks
  }
}

module network 'modules/network.bicep' = if (privateSql) {
  name: 'network'
  params: {
    location: location
    tags: tags
    name: names.vnet
    addressPrefix: '10.40.0.0/16'
    appSubnetPrefix: '10.40.1.0/24'
    privateEndpointSubnetPrefix: '10.40.2.0/24'
  }
}

module sql 'modules/sql.bicep' = {
  name: 'sql'
  params: {
    location: location
    tags: tags
    serverName: names.sqlServer
    databaseName: names.sqlDatabase
    administratorLogin: sqlAdministratorLogin
    administratorObjectId: sqlAdministratorObjectId
    administratorPrincipalType: sqlAdministratorPrincipalType
    connectivity: sqlConnectivity
    privateEndpointSubnetId: privateSql ? network!.outputs.privateEndpointSubnetId : ''
    privateDnsZoneId: privateSql ? network!.outputs.sqlDnsZoneId : ''
    maxVCores: sqlMaxVCores
    minVCores: sqlMinVCores
    autoPauseDelayMinutes: sqlAutoPauseDelayMinutes
    maxSizeGB: sqlMaxSizeGB
    backupStorageRedundancy: sqlBackupStorageRedundancy
    backupRetentionDays: sqlBackupRetentionDays
    workspaceId: monitoring.outputs.workspaceId
    enableDeleteLock: enableDeleteLocks
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    location: location
    tags: tags
    name: names.functionApp
    planName: names.plan
    hostStorageBlobEndpoint: hostStorage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    maximumInstanceCount: functionMaximumInstanceCount
    instanceMemoryMB: functionInstanceMemoryMB
    virtualNetworkSubnetId: privateSql ? network!.outputs.appSubnetId : ''
  }
}

module roleAssignments 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  params: {
    functionPrincipalId: functionApp.outputs.principalId
    operatorPrincipalId: operatorPrincipalId
    hostStorageName: hostStorage.outputs.name
    dataStorageName: dataStorage.outputs.name
    keyVaultName: keyVault.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
  }
}

module appSettings 'modules/app-settings.bicep' = {
  name: 'app-settings'
  params: {
    functionAppName: functionApp.outputs.name
    hostStorageName: hostStorage.outputs.name
    dataBlobEndpoint: dataStorage.outputs.blobEndpoint
    dataQueueEndpoint: dataStorage.outputs.queueEndpoint
    sqlServerFqdn: sql.outputs.serverFqdn
    sqlDatabaseName: sql.outputs.databaseName
    keyVaultUri: keyVault.outputs.uri
    appInsightsName: monitoring.outputs.appInsightsName
    monthlySweepSchedule: monthlySweepSchedule
  }
  // Key Vault references and identity-based connections resolve on the restart this triggers, so the roles
  // must be in place first.
  dependsOn: [
    roleAssignments
  ]
}

module eventGrid 'modules/event-grid.bicep' = {
  name: 'event-grid'
  params: {
    location: location
    tags: tags
    topicName: names.eventGridTopic
    dataStorageName: dataStorage.outputs.name
    deadLetterContainerName: deadLetterContainerName
    functionAppName: functionApp.outputs.name
    deploySubscription: deployEventGridSubscription
  }
  dependsOn: [
    appSettings
  ]
}

output functionAppName string = functionApp.outputs.name
output functionAppHostName string = functionApp.outputs.hostName
output functionAppPrincipalId string = functionApp.outputs.principalId
output hostStorageAccountName string = hostStorage.outputs.name
output dataStorageAccountName string = dataStorage.outputs.name
output keyVaultName string = keyVault.outputs.name
output sqlServerName string = sql.outputs.serverName
output sqlServerFqdn string = sql.outputs.serverFqdn
output sqlDatabaseName string = sql.outputs.databaseName
output eventGridTopicName string = eventGrid.outputs.topicName
