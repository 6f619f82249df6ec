// The Flex Consumption plan and the .NET 10 isolated-worker function app with its system-assigned identity.
// App settings are applied separately (app-settings.bicep) once the identity holds its roles, so Key Vault
// references resolve on the first start.

@description('Azure region for the resources.')
param location string

@description('Tags applied to every resource.')
param tags { *: string }

@description('Function app name (also its host name: <name>.azurewebsites.net).')
@maxLength(32)
param name string

@description('App Service plan name.')
param planName string

@description('Blob endpoint of the host storage account, ending in a slash.')
param hostStorageBlobEndpoint string

@description('Container in the host storage account that holds the deployment package.')
param deploymentContainerName string

@description('Upper bound on instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Subnet for regional VNet integration (delegated to Microsoft.App/environments): outbound traffic leaves through it.')
param virtualNetworkSubnetId string

@description('Application (client) id of the Entra app registration that protects the HTTP API; callers present tokens for it.')
param apiClientId string

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    publicNetworkAccess: 'Enabled'
    virtualNetworkSubnetId: virtualNetworkSubnetId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${hostStorageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
    }
  }
}

// App Service authentication in front of every HTTP route: a request without a valid Entra token for the API's app
// registration gets 401 before it reaches the app. The platform passes the signed-in caller to the app in the
// X-MS-CLIENT-PRINCIPAL header (and strips any such header a client sends); the app then allows only the LAs mapped to
// the caller and replay only to the PerfPipeline.Replay app role (docs/functions.md).
resource authentication 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: apiClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            'api://${apiClientId}'
            apiClientId
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

// No basic (user name and password) publishing: deploy with an Entra identity.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = site.name
output hostName string = site.properties.defaultHostName
output principalId string = site.identity.principalId
