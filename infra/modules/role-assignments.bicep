// What the function app's identity may do, and nothing more:
// - host storage: Storage Blob Data Owner (identity-based AzureWebJobsStorage, leases, deployment package) and
//   Storage Queue Data Contributor (the host keeps internal queues there);
// - data storage: Storage Blob Data Contributor on the extracts, archive and quarantine containers only, and
//   Storage Queue Data Contributor on the event queue and its poison queue only (the queue trigger reads and deletes
//   messages, and moves a message that keeps failing to the poison queue);
// - Key Vault: Key Vault Secrets User (reads the pseudonymisation key through the Key Vault reference);
// - Application Insights: Monitoring Metrics Publisher (telemetry with Entra authentication; local auth is off).
// The optional operator (a person or group running deployments and dropping batches) gets the same containers
// and Key Vault Secrets Officer, so the post-deployment step can create the key.
// The optional uploader (the LA extract job's identity) may only write blobs into `extracts`: a custom role with the
// write data actions and nothing else, so a leaked credential of the job can neither read nor delete any child's data.

@description('Principal id of the function app\'s system-assigned identity.')
param functionPrincipalId string

@description('Object id of the operator (user or group), or empty for none.')
param operatorPrincipalId string

@description('Object id of the LA extract job\'s identity (write-only on extracts), or empty for none.')
param uploaderPrincipalId string

@description('Queues the app reads (the event queue and its poison queue).')
param queueNames string[]

@description('Host storage account (AzureWebJobsStorage).')
param hostStorageName string

@description('Data storage account (extracts, archive, quarantine).')
param dataStorageName string

@description('Key Vault holding the pseudonymisation key.')
param keyVaultName string

@description('Application Insights component the app reports to.')
param appInsightsName string

var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

var dataContainerNames = [
  'extracts'
  'archive'
  'quarantine'
]

resource hostStorage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: hostStorageName
}

resource dataStorage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: dataStorageName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource containers 'containers' existing = [
      for container in dataContainerNames: {
        name: container
      }
    ]
  }

  resource queueService 'queueServices' existing = {
    name: 'default'

    resource queues 'queues' existing = [
      for queue in queueNames: {
        name: queue
      }
    ]
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource hostBlobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: hostStorage
  name: guid(hostStorage.id, functionPrincipalId, roles.storageBlobDataOwner)
  properties: {
    principalId: functionPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
  }
}

resource hostQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: hostStorage
  name: guid(hostStorage.id, functionPrincipalId, roles.storageQueueDataContributor)
  properties: {
    principalId: functionPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
  }
}

resource dataContainerContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (container, i) in dataContainerNames: {
    scope: dataStorage::blobService::containers[i]
    name: guid(dataStorage::blobService::containers[i].id, functionPrincipalId, roles.storageBlobDataContributor)
    properties: {
      principalId: functionPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    }
  }
]

resource dataQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (queue, i) in queueNames: {
    scope: dataStorage::queueService::queues[i]
    name: guid(dataStorage::queueService::queues[i].id, functionPrincipalId, roles.storageQueueDataContributor)
    properties: {
      principalId: functionPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
    }
  }
]

// Write-only: create and overwrite blobs, nothing to read, list or delete. Assignable in this resource group only.
resource blobWriterRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = if (!empty(uploaderPrincipalId)) {
  name: guid(resourceGroup().id, 'perfpipeline-extract-uploader')
  properties: {
    roleName: 'PerfPipeline extract uploader (${resourceGroup().name})'
    description: 'Writes extract batches into the extracts container; cannot read, list or delete blobs.'
    type: 'CustomRole'
    assignableScopes: [
      resourceGroup().id
    ]
    permissions: [
      {
        actions: []
        notActions: []
        dataActions: [
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write'
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action'
        ]
        notDataActions: []
      }
    ]
  }
}

resource uploaderWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(uploaderPrincipalId)) {
  scope: dataStorage::blobService::containers[0]
  name: guid(dataStorage::blobService::containers[0].id, uploaderPrincipalId, 'perfpipeline-extract-uploader')
  properties: {
    principalId: uploaderPrincipalId
    roleDefinitionId: blobWriterRole.id
  }
}

resource keyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, functionPrincipalId, roles.keyVaultSecretsUser)
  properties: {
    principalId: functionPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: appInsights
  name: guid(appInsights.id, functionPrincipalId, roles.monitoringMetricsPublisher)
  properties: {
    principalId: functionPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}

resource operatorContainerContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (container, i) in dataContainerNames: if (!empty(operatorPrincipalId)) {
    scope: dataStorage::blobService::containers[i]
    name: guid(dataStorage::blobService::containers[i].id, operatorPrincipalId, roles.storageBlobDataContributor)
    properties: {
      principalId: operatorPrincipalId
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    }
  }
]

resource operatorSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  scope: keyVault
  name: guid(keyVault.id, operatorPrincipalId, roles.keyVaultSecretsOfficer)
  properties: {
    principalId: operatorPrincipalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
  }
}
