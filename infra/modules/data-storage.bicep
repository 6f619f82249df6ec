// The pipeline's data account: batches arrive in `extracts`, are copied to `archive` once loaded (replays
// read them from there) or to `quarantine` when rejected. The copies hold the LA's raw files, identifiers
// included, so they are kept for a retention period only (`retentionDays`, 395 days by default: about the
// 13 months `perfpipeline purge` keeps them, PerfPipeline__Retention__Months) and then deleted by the lifecycle
// rule below, earlier versions included; soft delete keeps a deleted blob recoverable for softDeleteRetentionDays
// more. The LA's own `extracts` blobs are never deleted by policy (docs/reliability.md, Retention).

@description('Azure region for the account.')
param location string

@description('Tags applied to every resource.')
param tags { *: string }

@description('Storage account name (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Redundancy: locally or geo-redundant.')
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

@description('Days after it was written before a copy of a batch in `archive` or `quarantine` is deleted, earlier versions included (more than coolAfterDays). 395 days is about the 13 months `perfpipeline purge` keeps a copy by default.')
@minValue(31)
@maxValue(3650)
param retentionDays int

@description('Container Event Grid writes undeliverable manifest events to.')
param deadLetterContainerName string

@description('Put a CanNotDelete lock on the account.')
param enableDeleteLock bool

@description('Queues of the account: the Event Grid delivery queue and its poison queue.')
param queueNames string[]

@description('Refuse public traffic by default (prod). Only the named IP ranges and trusted Azure services (Event Grid delivering events and dead letters with its identity) get through; everything else comes over the private endpoints.')
param denyPublicTraffic bool

@description('Public IP ranges (CIDR or single addresses) allowed through the firewall when public traffic is refused: the LA extract job\'s egress addresses, when it does not come over VPN or ExpressRoute to the private endpoint.')
param allowedIpRanges string[]

@description('Log Analytics workspace that receives the blob and queue logs (the poison-queue and dead-letter alerts read them).')
param workspaceId string

@description('Turn on Microsoft Defender for Storage (malware scanning on upload, activity monitoring).')
param enableDefender bool

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
    // Public endpoint kept (named exceptions below need it), but closed by default in prod: Event Grid is a trusted
    // service and writes with its system identity; the LA's job comes over the private endpoint or a named IP.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: denyPublicTraffic ? 'Deny' : 'Allow'
      bypass: 'AzureServices'
      ipRules: [
        for range in (denyPublicTraffic ? allowedIpRanges : []): {
          value: range
          action: 'Allow'
        }
      ]
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

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-01-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-01-01' = [
  for queue in queueNames: {
    parent: queueService
    name: queue
  }
]

// Reads and writes of blobs and queue messages, for the alerts on the poison queue and the dead-letter container and
// for tracing who touched a batch.
resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: blobService
  name: 'blob-logs-to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

resource queueDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: queueService
  name: 'queue-logs-to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

resource defender 'Microsoft.Security/defenderForStorageSettings@2022-12-01-preview' = if (enableDefender) {
  scope: account
  name: 'current'
  properties: {
    isEnabled: true
    overrideSubscriptionLevelSettings: true
    malwareScanning: {
      onUpload: {
        isEnabled: true
        capGBPerMonth: 100
      }
    }
    sensitiveDataDiscovery: {
      isEnabled: false
    }
  }
}

// Copies of batches are deleted once past the retention period: there is no archive tier step, since a copy
// moved there in its last weeks would cost its 180-day early-deletion charge and need rehydration to replay.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2025-01-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'archive-cool-then-delete-after-retention'
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
                delete: {
                  daysAfterModificationGreaterThan: retentionDays
                }
              }
              version: {
                tierToCool: {
                  daysAfterCreationGreaterThan: coolAfterDays
                }
                delete: {
                  daysAfterCreationGreaterThan: retentionDays
                }
              }
            }
          }
        }
        {
          name: 'quarantine-delete-after-retention'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'quarantine/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: retentionDays
                }
              }
              version: {
                tierToCool: {
                  daysAfterCreationGreaterThan: coolAfterDays
                }
                delete: {
                  daysAfterCreationGreaterThan: retentionDays
                }
              }
            }
          }
        }
        {
          name: 'extracts-previous-versions-cool-tier'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'extracts/'
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
    notes: 'Holds every extract batch received and the archived copies replays read (kept for the retention period). Remove only with the data owner.'
  }
}

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
