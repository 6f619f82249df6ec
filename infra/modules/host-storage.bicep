// The Functions host's own storage account (AzureWebJobsStorage): leases, timer state and the Flex Consumption
// deployment package. No pipeline data lives here.

@description('Azure region for the account.')
param location string

@description('Tags applied to every resource.')
param tags { *: string }

@description('Storage account name (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Container that holds the Flex Consumption deployment package.')
param deploymentContainerName string

@description('Disable the public endpoint (prod): the host reaches its storage through private endpoints from the app subnet.')
param denyPublicTraffic bool

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: denyPublicTraffic ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: denyPublicTraffic ? 'Deny' : 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: account
  name: 'default'
  properties: {
    // The host rewrites its state blobs constantly, so no versioning here; soft delete still guards the package.
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
