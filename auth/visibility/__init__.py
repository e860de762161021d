"""Who sees what: the contract's visibility table, one module per domain, and nowhere else.

Each module turns a viewer into a MongoDB filter (merged into every list query, so pages stay full and
counts stay true) and answers the same question for one loaded document. Lists, `node`, nested fields,
subscriptions, feeds and exports all ask these modules.
"""
