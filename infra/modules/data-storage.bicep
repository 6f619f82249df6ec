// The pipeline's data account: batches arrive in `extracts`, are moved to `archive` once loaded (replays
// read them from there) or to `quarantine` when rejected. Nothing is ever deleted by policy: versioning and
// soft delete keep every overwritten or deleted blob and container, and old archive blobs only change tier.

@description('Azure region for the account.')
param location string

@description('Tags applied to every resource.')
param tags { *: string }

@description('Storage account name (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Redundancy. Only SKUs that support the archive tier are allowed (not ZRS).')
@allowed([
  'Standard_LRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param skuName string

@description('Days deleted blobs, versions and containers stay recoverable.')
@minValue(7)
@maxValue(365)
param softDeleteRetentionDays int

@description('Days after the last change before an archived batch moves to the cool tier.')
@minValue(1)
param coolAfterDays int

@description('Days after the last change before an archived batch moves to the archive tier (must be more than coolAfterDays; replaying it then needs rehydration first).')
@minValue(30)
param archiveAfterDays int

@description('Container Event Grid writes undeliverable manifest events to.')
param deadLetterContainerName string

@description('Put a CanNotDelete lock on the account.')
param enableDeleteLock bool

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: true
      services: {
        blob: {
          enabled: true
          keyType: 'Account'
        }
        queue: {
          enabled: true
          keyType: 'Account'
        }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = [
  for container in [
    'extracts'
    'archive'
    'quarantine'
    deadLetterContainerName
  ]: {
    parent: blobService
    name: container
    properties: {
      publicAccess: 'None'
    }
  }
]

resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2025-01-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'archive-cool-then-archive-tier'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'archive/'
              ]
            }
            actions: {
              baseBlob: {
                tierToCool: {
                  daysAfterModificationGreaterThan: coolAfterDays
                }
                tierToArchive: {
                  daysAfterModificationGreaterThan: archiveAfterDays
                }
              }
              version: {
                tierToCool: {
                  daysAfterCreationGreaterThan: coolAfterDays
                }
                tierToArchive: {
                  daysAfterCreationGreaterThan: archiveAfterDays
                }
              }
            }
          }
        }
        {
          name: 'previous-versions-cool-tier'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'extracts/'
                'quarantine/'
              ]
            }
            actions: {
              version: {
                tierToCool: {
                  daysAfterCreationGreaterThan: coolAfterDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

resource deleteLock 'Microsoft.Authorization/locks@2020-05-01' = if (enableDeleteLock) {
  scope: account
  name: 'perfpipeline-data-do-not-delete'
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds every extract batch received and the archived copies replays read. Remove only with the data owner.'
  }
}

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
