// The function app's settings: the names are a contract with the Functions code (docs/azure-settings.md).
// No setting holds a key, password or connection secret: storage and SQL use the app's managed identity and
// the pseudonymisation key is a Key Vault reference resolved by the platform.

@description('Function app to configure.')
param functionAppName string

@description('Host storage account (AzureWebJobsStorage).')
param hostStorageName string

@description('Blob endpoint of the data storage account.')
param dataBlobEndpoint string

@description('Queue endpoint of the data storage account (the event queue the queue trigger reads).')
param dataQueueEndpoint string

@description('Fully qualified name of the SQL server.')
param sqlServerFqdn string

@description('Warehouse database name.')
param sqlDatabaseName string

@description('Key Vault URI, ending in a slash.')
param keyVaultUri string

@description('Application Insights component the app reports to.')
param appInsightsName string

@description('NCRONTAB schedule of MonthlySweep (UTC).')
param monthlySweepSchedule string

resource functionApp 'Microsoft.Web/sites@2024-11-01' existing = {
  name: functionAppName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    AzureWebJobsStorage__accountName: hostStorageName
    AzureWebJobsStorage__credential: 'managedidentity'
    ExtractsStorage__blobServiceUri: dataBlobEndpoint
    ExtractsStorage__queueServiceUri: dataQueueEndpoint
    ExtractsStorage__credential: 'managedidentity'
    PerfPipeline__SqlServer__ConnectionString: 'Server=tcp:${sqlServerFqdn},1433;Database=${sqlDatabaseName};Authentication=Active Directory Default;Encrypt=True;'
    PerfPipeline__PseudonymisationKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/pseudonymisation-key/)'
    // Flat name: Linux plans do not resolve hierarchical names in a binding expression such as %MonthlySweepSchedule%.
    MonthlySweepSchedule: monthlySweepSchedule
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
  }
}
