// Key Vault (RBAC authorisation only, no access policies) for the pseudonymisation key. The template does not
// write the secret: post-deploy.sh creates it once when absent and never replaces it, because a changed key
// would give every later load pseudonyms that no longer match the earlier ones. Soft delete and purge
// protection guard against losing it.

@description('Azure region for the vault.')
param location string

@description('Tags applied to every resource.')
param tags { *: string }

@description('Key Vault name (3-24 letters, digits and hyphens).')
@minLength(3)
@maxLength(24)
param name string

@description('Days a deleted vault or secret stays recoverable.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('Turn on purge protection (cannot be turned off again).')
param enablePurgeProtection bool

@description('Log Analytics workspace that receives the vault\'s audit events.')
param workspaceId string

@description('Put a CanNotDelete lock on the vault.')
param enableDeleteLock bool

@description('Disable the public endpoint (prod): the app reads the key through the private endpoint, the operator from inside the network.')
param denyPublicTraffic bool

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // The API accepts only true or absent here.
    enablePurgeProtection: enablePurgeProtection ? true : null
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    // dev: public with Entra authentication and RBAC. prod: private endpoint only.
    publicNetworkAccess: denyPublicTraffic ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: denyPublicTraffic ? 'Deny' : 'Allow'
      bypass: 'None'
    }
  }
}

resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: vault
  name: 'audit-to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
  }
}

resource deleteLock 'Microsoft.Authorization/locks@2020-05-01' = if (enableDeleteLock) {
  scope: vault
  name: 'perfpipeline-key-vault-do-not-delete'
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds the pseudonymisation key; without it new loads cannot be matched to earlier ones.'
  }
}

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri
