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

@description('Object id of the LA extract job\'s identity: write-only access to the extracts container. Empty for none.')
param uploaderPrincipalId string = ''

@description('Application (client) id of the Entra app registration that protects the HTTP API (App Service authentication).')
@minLength(36)
@maxLength(36)
param apiClientId string

@description('Refuse public traffic: storage and Key Vault behind private endpoints with firewalls that deny by default, SQL\'s public endpoint disabled. On in prod; dev stays reachable from the internet (with Entra authentication only).')
param denyPublicTraffic bool = environmentName == 'prod'

@description('Public IP ranges allowed through the data account\'s firewall when public traffic is refused: the LA extract job\'s egress addresses, when it does not reach the private endpoint over VPN or ExpressRoute (docs/deployment.md).')
param uploadAllowedIpRanges string[] = []

@description('Public IPv4 addresses allowed to SQL\'s public endpoint while it is on (dev): the operators or runner that run migrate.')
param sqlAllowedIpAddresses string[] = []

@description('Address space of the virtual network (a /24 or larger): the app subnet takes its first /26, the private endpoints its second.')
param vnetAddressPrefix string = '10.40.0.0/24'

@description('Turn on Microsoft Defender for Storage and for SQL.')
param enableDefender bool = environmentName == 'prod'

@description('Address the operations alerts are e-mailed to.')
@minLength(3)
param alertEmail string

@description('Day of the month after which an LA without last month\'s batch raises the late-extract alert.')
@minValue(1)
@maxValue(28)
param lateExtractDay int = 5

@description('NCRONTAB schedule (UTC) of MonthlySweep; the default is every day at 06:00, so a missed batch is loaded within a day and a late LA is reported daily from lateExtractDay.')
param monthlySweepSchedule string = '0 0 6 * * *'

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

@description('Days the archive and quarantine keep a copy of a batch (the LA\'s raw files, identifiers included) before the lifecycle rule deletes it. 395 days is about 13 months, the default retention of `perfpipeline purge` (PerfPipeline__Retention__Months): docs/reliability.md.')
@minValue(31)
@maxValue(3650)
param batchRetentionDays int = 395

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
// The queue name is a contract with LoadBatchOnManifest's trigger; the host names the poison queue '<queue>-poison'.
var eventQueueName = 'manifest-events'
var queueNames = [
  eventQueueName
  '${eventQueueName}-poison'
]
var sqlDnsZone = 'privatelink${environment().suffixes.sqlServerHostname}'
var storageSuffix = environment().suffixes.storage
var storageDnsZones = {
  blob: 'privatelink.blob.${storageSuffix}'
  queue: 'privatelink.queue.${storageSuffix}'
  table: 'privatelink.table.${storageSuffix}'
  vault: 'privatelink.vaultcore.azure.net'
}
var privateDnsZoneNames = denyPublicTraffic
  ? [sqlDnsZone, storageDnsZones.blob, storageDnsZones.queue, storageDnsZones.table, storageDnsZones.vault]
  : [sqlDnsZone]

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
    denyPublicTraffic: denyPublicTraffic
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
    retentionDays: batchRetentionDays
    deadLetterContainerName: deadLetterContainerName
    enableDeleteLock: enableDeleteLocks
    queueNames: queueNames
    denyPublicTraffic: denyPublicTraffic
    allowedIpRanges: uploadAllowedIpRanges
    workspaceId: monitoring.outputs.workspaceId
    enableDefender: enableDefender
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
    denyPublicTraffic: denyPublicTraffic
  }
}

module network 'modules/network.bicep' = {
  name: 'network'
  params: {
    location: location
    tags: tags
    name: names.vnet
    addressPrefix: vnetAddressPrefix
    privateDnsZoneNames: privateDnsZoneNames
  }
}

// Private endpoints of storage and Key Vault when public traffic is refused (SQL's is always there, in sql.bicep).
var privateEndpoints = denyPublicTraffic
  ? [
      { name: 'data-blob', target: resourceId('Microsoft.Storage/storageAccounts', names.dataStorage), groupId: 'blob', zone: 1 }
      { name: 'data-queue', target: resourceId('Microsoft.Storage/storageAccounts', names.dataStorage), groupId: 'queue', zone: 2 }
      { name: 'host-blob', target: resourceId('Microsoft.Storage/storageAccounts', names.hostStorage), groupId: 'blob', zone: 1 }
      { name: 'host-queue', target: resourceId('Microsoft.Storage/storageAccounts', names.hostStorage), groupId: 'queue', zone: 2 }
      { name: 'host-table', target: resourceId('Microsoft.Storage/storageAccounts', names.hostStorage), groupId: 'table', zone: 3 }
      { name: 'vault', target: resourceId('Microsoft.KeyVault/vaults', names.keyVault), groupId: 'vault', zone: 4 }
    ]
  : []

module privateEndpoint 'modules/private-endpoint.bicep' = [
  for endpoint in privateEndpoints: {
    name: 'pe-${endpoint.name}'
    params: {
      location: location
      tags: tags
      name: 'pe-${appName}-${environmentName}-${endpoint.name}-${suffix}'
      subnetId: network.outputs.privateEndpointSubnetId
      targetId: endpoint.target
      groupId: endpoint.groupId
      privateDnsZoneId: network.outputs.dnsZoneIds[endpoint.zone]
    }
    // The targets are named, not referenced (a loop's items must be known at the start), so wait for them.
    dependsOn: [
      dataStorage
      hostStorage
      keyVault
    ]
  }
]

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
    denyPublicTraffic: denyPublicTraffic
    allowedIpAddresses: sqlAllowedIpAddresses
    privateEndpointSubnetId: network.outputs.privateEndpointSubnetId
    privateDnsZoneId: network.outputs.dnsZoneIds[0]
    enableDefender: enableDefender
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
    virtualNetworkSubnetId: network.outputs.appSubnetId
    apiClientId: apiClientId
  }
}

module roleAssignments 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  params: {
    functionPrincipalId: functionApp.outputs.principalId
    operatorPrincipalId: operatorPrincipalId
    uploaderPrincipalId: uploaderPrincipalId
    queueNames: queueNames
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
    queueName: eventQueueName
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    location: location
    tags: tags
    namePrefix: '${appName}-${environmentName}'
    alertEmail: alertEmail
    workspaceId: monitoring.outputs.workspaceId
    eventGridTopicId: eventGrid.outputs.topicId
    poisonQueueName: queueNames[1]
    deadLetterContainerName: deadLetterContainerName
    lateExtractDay: lateExtractDay
  }
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
output eventQueueName string = eventQueueName
output natPublicIpId string = network.outputs.natPublicIpId
